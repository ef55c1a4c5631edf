// The interface layer: GOV.UK Frontend components, the page layout and the view context.
export * from './components.tsx';
export * from './context.ts';
export { Layout } from './layout.tsx';
