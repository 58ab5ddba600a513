import { useMeeting } from '../../store/index.ts';
import { screenState, type ScreenState } from './screenState.ts';

/** The room screen's one state, from the store (each input selected alone, so it re-renders only when one changes). */
export function useScreenState(): ScreenState {
  const state = useMeeting((s) => s.state);
  const connection = useMeeting((s) => s.connection);
  const loaded = useMeeting((s) => s.seq > 0);
  const itemCalledAt = useMeeting((s) => s.itemCalledAt);
  return screenState({ state, connection, loaded, itemCalledAt });
}
