import { useLayoutEffect, useState } from 'preact/hooks';
import { createSessionController, type NotesActions, type NotesState, type NotesStoreOptions, type SecurityActions } from '@/lib/session';

export type { NotesActions, NotesState, NotesStoreOptions, SecurityActions } from '@/lib/session';

/**
 * The side panel's shared state (lib/session/controller): one controller per mounted panel, created with the first
 * render so the notes start opening at once, and disposed when the panel unmounts. The actions never change identity.
 */
export function useNotesStore(options: NotesStoreOptions = {}): [NotesState, NotesActions, SecurityActions] {
  const [controller] = useState(() => createSessionController(options));
  const [state, setState] = useState(controller.getState);
  // A layout effect: a change made between the first render and the subscription is still shown before paint.
  useLayoutEffect(() => {
    setState(controller.getState());
    const unsubscribe = controller.subscribe(setState);
    return () => {
      unsubscribe();
      controller.dispose();
    };
  }, [controller]);
  return [state, controller.actions, controller.security];
}
