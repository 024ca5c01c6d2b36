/**
 * Scheduled publishing runs in the app's jobs runner, which starts with Payload:
 * ask the server once it answers, so it runs even before the first reader
 * (`npm start`, and each replica of `npm run start:cluster`, of which one at a
 * time runs the jobs: src/jobs/leader.ts).
 */
export async function startJobsRunner(
  port: string,
  host = !process.env.HOST || ['0.0.0.0', '::'].includes(process.env.HOST)
    ? '127.0.0.1'
    : process.env.HOST,
): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      const response = await fetch(`http://${host}:${port}/next/jobs`, {
        signal: AbortSignal.timeout(30_000),
      })
      if (response.ok) return
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  console.warn('Could not start the jobs runner; it starts with the first request instead.')
}
