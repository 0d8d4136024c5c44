import autocannon from 'autocannon'
import { percentile } from './report.ts'

export interface LoadResult {
  requestsPerSecond: number
  p50: number
  p95: number
  p99: number
  bytesPerSecond: number
  responses: number
  non2xx: number
  errors: number
}

/**
 * A bounded autocannon run on loopback. Connection i sends cookies[i % cookies.length], so 20
 * connections can be 20 signed-in sessions. Percentiles are exact, over every 2xx response time.
 */
export function runLoad(url: string, options: { connections: number; seconds: number; cookies: string[] }): Promise<LoadResult> {
  const latencies: number[] = []
  let next = 0
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        // A slow page under load queues; count it as slow, not as failed.
        timeout: 30,
        setupClient: (client) => {
          const cookie = options.cookies[next++ % options.cookies.length]
          if (cookie) client.setHeaders({ cookie })
        },
      },
      (error, result) => {
        if (error) return reject(error)
        const sorted = Float64Array.from(latencies).sort()
        resolve({
          requestsPerSecond: result.requests.average,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          bytesPerSecond: result.throughput.average,
          responses: sorted.length,
          non2xx: result.non2xx,
          errors: result.errors,
        })
      },
    )
    // autocannon emits (client, statusCode, resBytes, responseTime); its types leave out the client.
    instance.on('response', (...args: unknown[]) => {
      const [statusCode, , responseTime] = args.slice(-3) as [number, number, number]
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime)
    })
  })
}
