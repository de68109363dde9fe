/** Entry of the in-page bundle (global `BenchPage`): the matching and the drawing harness. */
export * from './matching';
export * from './drawing';
