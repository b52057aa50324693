// autocannon ships no types; the bench uses only these parts of its API.
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      path?: string;
      setupRequest?: (request: Request) => Request;
    }
    interface Result {
      requests: { total: number; average: number };
      latency: { p50: number; p99: number };
      non2xx: number;
      errors: number;
    }
  }
  function autocannon(options: {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
    requests?: autocannon.Request[];
  }): Promise<autocannon.Result>;
  export default autocannon;
}
