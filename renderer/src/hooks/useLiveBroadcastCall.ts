import { useEffect, useRef } from 'react';
import type { MethodInput, MethodName } from '../../../shared/contract';
import { useCall } from './useCall';
import { useOnBroadcastProgress } from './useOnBroadcastProgress';

/**
 * A read about one broadcast (its breakdown, failures, timeline), asked again at most once a second
 * while it sends, and at once when `changed` does (its status: paused, cancelled here or elsewhere).
 */
export function useLiveBroadcastCall<M extends MethodName>(broadcastId: number, method: M, input: MethodInput<M>, changed?: string) {
  const answer = useCall(method, input);
  const { reload } = answer;
  useOnBroadcastProgress(broadcastId, reload);
  const seen = useRef(changed);
  useEffect(() => {
    if (seen.current === changed) return;
    seen.current = changed;
    reload();
  }, [changed, reload]);
  return answer;
}
