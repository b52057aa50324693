/**
 * One turn of the event loop, for long evaluations that must let other work in between
 * blocks (a worker's cancel message, the server's requests) without waiting on a timer:
 * Node's `setTimeout(0)` waits at least 1 ms and a browser's 4 ms once nested, which at
 * 500 blocks a million-row run was half a second of idling. `setImmediate` (Node) and a
 * MessageChannel message (browsers) come back after pending I/O and messages, at once.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') {
      setImmediate(resolve);
      return;
    }
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
