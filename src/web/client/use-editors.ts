import { useEffect, useState } from 'preact/hooks';
import { get } from './api.js';
import { can, type Me } from './session.js';
import type { Editor } from './types.js';

// The colleagues a claim can be handed to (GET /editors), for editors only.
export function useEditors(me: Me): Editor[] {
  const [editors, setEditors] = useState<Editor[]>([]);
  useEffect(() => {
    if (!can.review(me)) return;
    get<{ items: Editor[] }>('/editors')
      .then((reply) => setEditors(reply.body.items))
      .catch(() => setEditors([]));
  }, [me.id]);
  return editors;
}
