// Performance marks for the renderer bench (bench/renderer.bench.ts): "the list is on screen"
// is the first message after the next animation frame, i.e. after that frame's style, layout
// and paint. Marks cost nothing measurable and are harmless in the app.

export function markAfterPaint(name: string): void {
  window.requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      performance.mark(name);
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  });
}

export function mark(name: string): void {
  performance.mark(name);
}
