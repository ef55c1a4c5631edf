import type { VNode } from 'preact';
import { Heading } from '../../../platform/ui/components.tsx';

/** A page's body under its h1 (the layout renders none: each page names itself). */
export function withHeading(title: string, body: VNode): VNode {
  return (
    <>
      <Heading size="xl">{title}</Heading>
      {body}
    </>
  );
}
