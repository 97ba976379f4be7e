import type { CSSProperties, ReactNode } from 'react';

export type MiniBadgeTone = 'green' | 'red' | 'gray' | 'outline' | 'tag';

const BASE: CSSProperties = {
  display: 'inline-block',
  maxWidth: '100%',
  padding: '0 7px',
  border: '1px solid transparent',
  borderRadius: 'var(--mantine-radius-xl)',
  fontSize: 'var(--mantine-font-size-xs)',
  fontWeight: 600,
  lineHeight: '18px',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  verticalAlign: 'middle',
};

const TONES: Record<MiniBadgeTone, CSSProperties> = {
  green: { ...BASE, background: 'var(--mantine-color-green-light)', color: 'var(--mantine-color-green-light-color)' },
  red: { ...BASE, background: 'var(--mantine-color-red-filled)', color: 'var(--mantine-color-white)' },
  gray: { ...BASE, background: 'var(--mantine-color-gray-light)', color: 'var(--mantine-color-gray-light-color)' },
  outline: { ...BASE, borderColor: 'var(--mantine-color-gray-4)', color: 'var(--mantine-color-dimmed)' },
  tag: { ...BASE, borderColor: 'var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', color: 'var(--mantine-color-text)' },
};

interface MiniBadgeProps {
  tone: MiniBadgeTone;
  children: ReactNode;
  /** Shown on hover. */
  title?: string;
  'aria-label'?: string;
  maxWidth?: number;
}

/**
 * A small label (consent, tags) as one plain element: a list of 100,000 clients shows many of these
 * while scrolling, and Mantine's Badge costs several times more to draw.
 */
export function MiniBadge({ tone, children, title, maxWidth, ...aria }: MiniBadgeProps) {
  return (
    <span style={maxWidth ? { ...TONES[tone], maxWidth } : TONES[tone]} title={title} {...aria}>
      {children}
    </span>
  );
}
