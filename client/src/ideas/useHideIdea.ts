import type { IdeaView } from '@gommette/shared';
import { useCallback, useState } from 'react';
import type { ClientErrorCode } from '../api/errors';
import { emitCommand } from '../socket/command';
import type { GommetteSocket } from '../socket/createSocket';

export interface HideIdeaApi {
  /** Ideas whose moderation is on its way to the server. */
  busy: ReadonlySet<string>;
  errors: Readonly<Record<string, ClientErrorCode>>;
  setHidden: (ideaId: string, hidden: boolean) => void;
}

/** The facilitator's "Masquer" / "Afficher": `idea:hide`, applied when the server acks. */
export function useHideIdea(socket: GommetteSocket | null, applyIdea: (idea: IdeaView) => void): HideIdeaApi {
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set());
  const [errors, setErrors] = useState<Readonly<Record<string, ClientErrorCode>>>({});

  const setError = useCallback((ideaId: string, code: ClientErrorCode | null) => {
    setErrors((current) => {
      const next = { ...current };
      if (code === null) delete next[ideaId];
      else next[ideaId] = code;
      return next;
    });
  }, []);

  const setHidden = useCallback(
    (ideaId: string, hidden: boolean) => {
      if (!socket?.connected) {
        setError(ideaId, 'network');
        return;
      }
      setBusy((current) => new Set(current).add(ideaId));
      setError(ideaId, null);
      emitCommand(socket, 'idea:hide', { ideaId, hidden }, (reply) => {
        setBusy((current) => {
          const next = new Set(current);
          next.delete(ideaId);
          return next;
        });
        if (reply.ok) applyIdea(reply.data);
        else setError(ideaId, reply.code);
      });
    },
    [socket, applyIdea, setError],
  );

  return { busy, errors, setHidden };
}
