import { EventEmitter } from 'node:events';
import type { EventName, Events } from '../../shared/contract';

export type AnyEventListener = (event: EventName, payload: Events[EventName]) => void;

/** The core's pushed events, typed by the contract. Transports forward everything via onAny. */
export class CoreEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.emitter.emit(event, payload);
    this.emitter.emit('*', event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  onAny(listener: AnyEventListener): () => void {
    this.emitter.on('*', listener);
    return () => this.emitter.off('*', listener);
  }
}
