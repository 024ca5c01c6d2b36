import type { PayloadRequest } from 'payload'

type Session = NonNullable<PayloadRequest['payload']['db']['sessions']>[string]
type Settle = (committed: boolean) => void

const WAITING = new WeakMap<Session, Settle[]>()

/**
 * Resolves once the change made on `req` is committed (true), or rolled back
 * (false: nothing changed); at once (true) when no transaction is open. What
 * tells others about a change — a proxy purge, a page re-rendered by another
 * connection — waits for this: a hook runs inside its operation's
 * transaction, and a page fetched from there reads the rows as they were,
 * which the proxy would then keep for an hour.
 *
 * Payload has no commit hook, so this chains onto the transaction's session
 * (`payload.db.sessions[id]`): `commitTransaction` calls its `resolve`, which
 * returns the promise of the driver's COMMIT; `rollbackTransaction` its `reject`.
 */
export async function committed(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
): Promise<boolean> {
  const id = req.transactionID ? await req.transactionID : undefined
  const session = id === undefined ? undefined : req.payload.db.sessions?.[id]
  if (!session) return true
  let waiting = WAITING.get(session)
  if (!waiting) {
    const settles: Settle[] = []
    waiting = settles
    WAITING.set(session, settles)
    const { resolve, reject } = session
    session.resolve = () => {
      const done = Promise.resolve(resolve())
      void done.then(() => settles.splice(0).forEach((settle) => settle(true)))
      return done
    }
    session.reject = () => {
      settles.splice(0).forEach((settle) => settle(false))
      return reject()
    }
  }
  const settles = waiting
  return new Promise<boolean>((settle) => settles.push(settle))
}
