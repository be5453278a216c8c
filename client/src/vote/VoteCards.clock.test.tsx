import type { RoundView } from '@gommette/shared';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VoteCards } from './VoteCards';

await i18next.use(initReactI18next).init({ lng: 'fr', resources: { fr: { translation: {} } }, initAsync: false });

const MINUTE = 60_000;
/** The server's clock at the moment of the test. */
const SERVER_NOW = Date.UTC(2026, 5, 13, 14, 0);

function round(closesAt: number): RoundView {
  return {
    id: 'round-1',
    ideaIds: ['idea-1'],
    ideas: [
      {
        id: 'idea-1',
        text: 'Un banc à l’ombre',
        siteId: 'site-1',
        hidden: false,
        createdAt: SERVER_NOW - 30 * MINUTE,
        mine: false,
      } as RoundView['ideas'][number],
    ],
    status: 'open',
    openedAt: SERVER_NOW - 20 * MINUTE,
    closedAt: null,
    revealedAt: null,
    budget: 3,
    stacking: false,
    capPerIdea: null,
    selfVote: true,
    results: 'live',
    closesAt,
  };
}

/** The phone's ballot, drawn on a phone whose own clock is `skewMs` off the server's. */
function drawOnPhone(closesAt: number, skewMs: number): string {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(SERVER_NOW + skewMs);
  // What the room view measured: add it to the phone's clock to read the server's.
  const clockOffsetMs = -skewMs;
  return renderToStaticMarkup(
    <VoteCards
      round={round(closesAt)}
      clockOffsetMs={clockOffsetMs}
      mine={[]}
      ownIdeaIds={new Set()}
      pendingCount={0}
      onStick={() => undefined}
      onTakeBack={() => undefined}
    />,
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the vote cards read the server’s clock, not the phone’s', () => {
  it('a phone 10 minutes ahead still shows a round that closes in 5 minutes as open', () => {
    const html = drawOnPhone(SERVER_NOW + 5 * MINUTE, 10 * MINUTE);
    expect(html).toContain('data-testid="vote-left"');
    expect(html).not.toContain('data-testid="vote-closed"');
  });

  it('a phone 10 minutes behind shows a round that closed 5 minutes ago as closed', () => {
    const html = drawOnPhone(SERVER_NOW - 5 * MINUTE, -10 * MINUTE);
    expect(html).toContain('data-testid="vote-closed"');
    expect(html).not.toContain('data-testid="vote-left"');
  });

  it('a phone on time shows the round open until its closing time', () => {
    expect(drawOnPhone(SERVER_NOW + MINUTE, 0)).toContain('data-testid="vote-left"');
    expect(drawOnPhone(SERVER_NOW - MINUTE, 0)).toContain('data-testid="vote-closed"');
  });
});
