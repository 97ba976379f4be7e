/** Dialogs that can open from the client drawer sit above it (Mantine puts drawers and modals at 200). */
export const ABOVE_DRAWER = 300;
