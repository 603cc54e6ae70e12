declare module 'virtual:sim-declarations' {
  export const files: Record<string, string>;
}
declare module '*?worker' {
  const WorkerConstructor: { new (): Worker };
  export default WorkerConstructor;
}
