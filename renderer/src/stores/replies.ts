// Texts clients sent since the owner last looked at the Replies page, for the number beside it.
import { create } from 'zustand';
import type { ReplyDto } from '../../../shared/sending';

interface RepliesState {
  unseen: number;
  /** A client texted the salon ('reply.received'). */
  received(reply: ReplyDto): void;
  /** The owner opened the Replies page. */
  markSeen(): void;
}

export const useReplies = create<RepliesState>((set) => ({
  unseen: 0,
  received() {
    set((state) => ({ unseen: state.unseen + 1 }));
  },
  markSeen() {
    set({ unseen: 0 });
  },
}));
