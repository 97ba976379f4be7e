import { Text } from '@mantine/core';

/** "12 / 65 characters", red once over. */
export function CharacterCount({ length, max }: { length: number; max: number }) {
  return (
    <Text span size="xs" c={length > max ? 'red' : 'dimmed'}>
      {length} / {max} characters
    </Text>
  );
}
