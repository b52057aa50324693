import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { nextTurn } from '../../rules/next-turn.js';

describe('nextTurn', () => {
  it('lets a message that arrived during a long evaluation in before the next block', async () => {
    // A cancel message, as the run worker gets one from the server thread.
    const { port1, port2 } = new MessageChannel();
    let cancelled = false;
    port1.on('message', () => (cancelled = true));
    let blocks = 0;
    port2.postMessage('cancel');
    while (!cancelled && blocks < 1000) {
      blocks += 1; // a block of rows, evaluated synchronously
      await nextTurn();
    }
    port1.close();
    expect(cancelled).toBe(true);
    expect(blocks).toBeLessThan(10);
  });
});
