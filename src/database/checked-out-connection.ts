import type pg from 'pg';

// Runs `work` on one connection checked out of `pool`, as pool.query() does for a single
// statement: a connection that fails while checked out reports it as an 'error' event on
// the client, not the pool, and an 'error' event nobody listens to ends the process; such
// a connection is then discarded rather than given back to be reused. A statement's own
// error (a timeout, a constraint) leaves the connection usable.
export async function withCheckedOutConnection<T>(
  pool: pg.Pool,
  work: (connection: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const connection = await pool.connect();
  let lost: Error | undefined;
  // Declared, not an arrow held in a const: the bundle keeps a declared function's name
  // without redefining it on every call (scripts/build-server.mjs).
  function onError(error: Error) {
    lost = error;
  }
  connection.on('error', onError);
  try {
    return await work(connection);
  } catch (error) {
    lost ??= isConnectionLost(error) ? (error as Error) : undefined;
    throw error;
  } finally {
    connection.removeListener('error', onError);
    connection.release(lost);
  }
}

// A query error that leaves the connection unusable, rather than one about the statement.
const isConnectionLost = (error: unknown) => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === undefined &&
    typeof message === 'string' &&
    /Connection terminated|ECONNRESET|EPIPE/i.test(message)
  );
};
