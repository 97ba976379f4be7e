/**
 * Styles for SegmentedControl: Mantine hides each option's radio input at 0×0; this spreads it over
 * its label so the radio itself can be clicked (by people and by tests finding it by role).
 */
export const CLICKABLE_SEGMENTS = {
  control: { position: 'relative' },
  input: { inset: 0, width: '100%', height: '100%', margin: 0, zIndex: 3, cursor: 'pointer' },
} as const;
