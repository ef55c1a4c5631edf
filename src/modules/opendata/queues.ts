/** The pg-boss queue that rebuilds the generated datasets (task 10.4). */
export const REGENERATE_QUEUE = 'opendata.regenerate';
