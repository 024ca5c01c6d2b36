/**
 * Runs `attempt` again while it throws, for up to `timeout` ms, then throws its
 * last error: what `expect(…).toPass()` does, for page objects, which wait and
 * act but leave the asserting to the tests.
 */
export async function retry<T>(attempt: () => Promise<T>, timeout: number): Promise<T> {
  const deadline = Date.now() + timeout
  for (let pause = 100; ; pause = Math.min(pause * 2, 1_000)) {
    try {
      return await attempt()
    } catch (error) {
      if (Date.now() + pause >= deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, pause))
    }
  }
}
