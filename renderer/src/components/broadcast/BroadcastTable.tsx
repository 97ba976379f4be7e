import { Anchor, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BroadcastDto } from '../../../../shared/dto';
import { TYPE_LABELS } from '../../lib/broadcastTypes';
import { formatDateTime } from '../../lib/format';
import { hrefFor, type Route } from '../../lib/routes';
import { navigate } from '../../stores/navigation';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { formatLocal, formatSchedule } from './schedule';
import { firstSentAt, nextStep } from './steps';
import { rateOf, statusWords } from '../../lib/broadcastTracking';
import { formatNumber } from '../../lib/rates';
import { BroadcastStatusBadge } from '../ui/StatusBadge';
import { TableFrame } from '../ui/TableFrame';

/** A draft opens in the wizard to carry on writing it; anything launched opens its own page. */
const routeOf = ({ id, status }: BroadcastDto): Route =>
  status === 'draft' ? { page: 'editBroadcast', id } : { page: 'broadcast', id };

export function BroadcastTable({ broadcasts }: { broadcasts: readonly BroadcastDto[] }) {
  const { timeZone, locale } = useSalonFormat();
  // The list is drawn afresh often enough for "next" to stay right.
  const [now] = useState(() => new Date());
  return (
    <TableFrame minWidth={820}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th ta="right">Recipients</Table.Th>
              <Table.Th ta="right">Sent</Table.Th>
              <Table.Th ta="right">Delivered %</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {broadcasts.map((broadcast) => {
              const route = routeOf(broadcast);
              return (
                <Table.Tr key={broadcast.id} onClick={() => navigate(route)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Anchor href={hrefFor(route)} fw={500}>
                      {broadcast.name || 'Untitled draft'}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{TYPE_LABELS[broadcast.type]}</Table.Td>
                  <Table.Td>
                    <BroadcastStatusBadge {...statusWords(broadcast, undefined)} />
                  </Table.Td>
                  <Table.Td>
                    <When broadcast={broadcast} timeZone={timeZone} locale={locale} now={now} />
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(broadcast.stats.recipients, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(broadcast.stats.sent, locale)}</Table.Td>
                  <Table.Td ta="right">{rateOf(broadcast.stats.delivered, broadcast.stats, locale) ?? '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
    </TableFrame>
  );
}

/**
 * The next step's time while one is ahead (the first step's while nothing went out), else when it was
 * sent. A draft shows the time asked for Day 1, if any.
 */
function When({ broadcast, timeZone, locale, now }: { broadcast: BroadcastDto; timeZone: string; locale: string; now: Date }) {
  const { status, steps } = broadcast;
  if (status === 'draft') {
    const asked = steps[0]?.sendAt;
    return (
      <Text c="dimmed" span>
        {asked ? `Set for ${formatLocal(asked)}` : 'Not sent'}
      </Text>
    );
  }
  const ahead = status === 'scheduled' || status === 'sending' || status === 'paused';
  // A scheduled broadcast whose time has just come shows it until sending starts.
  const next = ahead ? (nextStep(broadcast, now) ?? (status === 'scheduled' ? steps[0] : undefined)) : undefined;
  if (next?.schedule) {
    const time = next.schedule.zone === timeZone ? formatLocal(next.schedule.local) : formatSchedule(next.schedule);
    return <>{steps.length > 1 ? `Day ${next.day}: ${time}` : time}</>;
  }
  const sentAt = firstSentAt(broadcast);
  if (status === 'cancelled' && broadcast.stats.sent + broadcast.stats.failed === 0) {
    return (
      <Text c="dimmed" span>
        Never sent
      </Text>
    );
  }
  return <>{sentAt ? `Sent ${formatDateTime(sentAt, timeZone, locale)}` : '—'}</>;
}

/** Delivered out of the messages the provider took, e.g. "67%"; a dash before anything was sent. */
