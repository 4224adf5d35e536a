import type { ServerResponse } from 'node:http';
import type { ClientConnection } from '../../application/route-chat/client-connection';

/** The client's end of an HTTP exchange: gone when the response closes before it was finished. */
export class ResponseConnection implements ClientConnection {
  public constructor(private readonly res: ServerResponse) {}

  public watch(onGone: () => void): () => void {
    const res = this.res;
    const onClose = (): void => {
      if (!res.writableFinished) onGone();
    };
    res.once('close', onClose);
    return () => res.off('close', onClose);
  }
}
