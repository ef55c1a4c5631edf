/** The pg-boss queue that rebuilds the generated datasets (task 10.4). */
export const REGENERATE_QUEUE = 'opendata.regenerate';
/** The pg-boss queue that renders each data version's CSV into file storage once. */
export const RENDER_QUEUE = 'opendata.render-files';
