import { ArrowLeft, ChevronLeft, ChevronRight } from 'lucide-react';
import { nanoid } from 'nanoid';
import { useEffect, useMemo, useRef, useState, type FormEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FeelingButton, FeelingMark } from './FeelingMark';
import {
  FEELINGS,
  MAX_NOTE_CHARS,
  PERSONA_HEIGHT,
  ROW_HEADER_WIDTH,
  STEP_HEADER_HEIGHT,
  STEP_WIDTH,
  addNote,
  cellKey,
  notesByCell,
  type BoardAwarenessState,
  type BoardIdea,
  type Feeling,
} from '@gommette/shared/board';
import { findLanguage } from '../i18n/languages';
import { useBoardTestHook } from './boardTestHook';
import { useBoard } from './useBoard';
import { useWorkshopText } from '../i18n/workshopText';
import { WrittenText } from '../components/WrittenText';
import './board.css';

export interface PhoneJourneyProps {
  workshopId: string;
  token: string;
  siteId: string;
  onClose: () => void;
}

const NO_IDEAS: BoardIdea[] = [];

/** A new note goes last in its cell: its order is the time it was written. */
const nextOrder = (): number => Date.now();

/** A horizontal swipe longer than this (px) changes the step. */
const SWIPE_PX = 60;

/**
 * The journey map on a phone: one step at a time (swipe or the arrows), each row with what is
 * already written and a big "+" to add a note; the feelings row offers emoji. Plain DOM, no
 * canvas. The board is kept on the phone (IndexedDB): written offline, sent when back online.
 */
export default function PhoneJourney({ workshopId, token, siteId, onClose }: PhoneJourneyProps) {
  const { t, i18n } = useTranslation();
  // The built-in journey map's words in the page's language (a renamed step shows as written).
  const show = useWorkshopText(null);
  // Right to left (Arabic): "next" is on the left, its arrow flipped to point left (icon--flip),
  // and a swipe from left to right goes forward, as a page turns in that reading order.
  const rtl = findLanguage(i18n.language)?.dir === 'rtl';
  const board = useBoard(workshopId, token, { keepLocal: true });
  const [index, setIndex] = useState(0);
  const [adding, setAdding] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const swipeStart = useRef<number | null>(null);
  const state = board?.state ?? null;
  const steps = state?.steps ?? [];
  const current = Math.min(index, Math.max(0, steps.length - 1));
  const step = steps[current] ?? null;
  const cells = useMemo(() => notesByCell(state?.notes ?? []), [state?.notes]);

  useBoardTestHook(state, board?.synced ?? false, NO_IDEAS, false);

  // Presence: which step this phone is on (its site, never who). Sent when the step's column
  // moves, not on every change of the board (500 phones would flood the room).
  const awareness = board?.connection.provider.awareness ?? null;
  const hasStep = step !== null;
  useEffect(() => {
    if (!awareness || !hasStep) return;
    // The step's column on the board (see shared/src/board/layout.ts).
    const view = { x: ROW_HEADER_WIDTH + current * STEP_WIDTH, y: PERSONA_HEIGHT, width: STEP_WIDTH, height: STEP_HEADER_HEIGHT };
    const presence: BoardAwarenessState = { role: 'participant', siteId, view, lead: false };
    awareness.setLocalState(presence);
  }, [awareness, hasStep, current, siteId]);

  const go = (delta: number) => {
    setIndex(Math.max(0, Math.min(steps.length - 1, current + delta)));
    setAdding(null);
  };

  const handlePointerDown = (event: PointerEvent) => {
    swipeStart.current = event.clientX;
  };
  const handlePointerUp = (event: PointerEvent) => {
    if (swipeStart.current === null) return;
    const dx = event.clientX - swipeStart.current;
    swipeStart.current = null;
    const forward = rtl ? dx > 0 : dx < 0;
    if (Math.abs(dx) >= SWIPE_PX) go(forward ? 1 : -1);
  };

  const post = (rowId: string, text: string, feeling: Feeling | null) => {
    if (!board || !step) return;
    addNote(board.connection.doc, { id: nanoid(16), text, feeling, siteId, placement: { kind: 'cell', stepId: step.id, rowId }, order: nextOrder() });
    setAdding(null);
    setDraft('');
  };

  const handleSubmit = (event: FormEvent, rowId: string) => {
    event.preventDefault();
    if (!draft.trim()) return;
    post(rowId, draft, null);
  };

  return (
    <section className="phone-journey" aria-labelledby="phone-journey-title" data-testid="phone-journey">
      <header className="phone-journey__header">
        <button type="button" className="button" onClick={onClose}>
          <ArrowLeft aria-hidden="true" className="icon icon--flip" />
          {t('board.phone.close')}
        </button>
        <span className="phone-journey__status" data-testid="phone-journey-status" data-status={board?.status ?? 'connecting'}>
          {board?.status === 'online' ? '' : t('board.phone.offline')}
        </span>
      </header>
      <h2 id="phone-journey-title" className="phone-journey__persona">
        {state?.persona ? <WrittenText shown={show(state.persona)} /> : t('board.phone.title')}
      </h2>
      {!step ? (
        <p className="hint">{board?.synced ? t('board.phone.notReady') : t('board.loading')}</p>
      ) : (
        <div
          className="phone-journey__step"
          onPointerDown={handlePointerDown}
          onPointerUp={handlePointerUp}
          onPointerCancel={() => (swipeStart.current = null)}
        >
          <nav className="phone-journey__nav">
            <button
              type="button"
              className="icon-button icon-button--big"
              onClick={() => go(-1)}
              disabled={current === 0}
              aria-label={t('board.phone.previous')}
            >
              <ChevronLeft aria-hidden="true" className="icon--flip" />
            </button>
            <div className="phone-journey__step-title">
              <WrittenText as="h3" testId="phone-journey-step" shown={show(step.label)} />
              <p>{t('board.phone.stepOf', { index: current + 1, count: steps.length })}</p>
            </div>
            <button
              type="button"
              className="icon-button icon-button--big"
              onClick={() => go(1)}
              disabled={current === steps.length - 1}
              aria-label={t('board.phone.next')}
            >
              <ChevronRight aria-hidden="true" className="icon--flip" />
            </button>
          </nav>
          {state!.rows.map((row) => {
            const notes = cells.get(cellKey(step.id, row.id)) ?? [];
            return (
              <div key={row.id} className="phone-journey__row" data-testid="phone-journey-row">
                <WrittenText as="h4" shown={show(row.label)} />
                <ul className="phone-journey__notes">
                  {notes.map((note) => (
                    <li key={note.id} className="phone-journey__note" dir="auto">
                      {note.feeling && <FeelingMark feeling={note.feeling} />}
                      {note.text}
                    </li>
                  ))}
                </ul>
                {adding === row.id ? (
                  <form className="phone-journey__form" onSubmit={(event) => handleSubmit(event, row.id)}>
                    {row.kind === 'feelings' && (
                      <div className="phone-journey__feelings" role="group" aria-label={t('board.phone.feelingHint')}>
                        {FEELINGS.map((feeling) => (
                          <FeelingButton key={feeling} feeling={feeling} onClick={() => post(row.id, draft, feeling)} />
                        ))}
                      </div>
                    )}
                    <textarea
                      value={draft}
                      onChange={(event) => setDraft(event.target.value)}
                      maxLength={MAX_NOTE_CHARS * 2}
                      placeholder={t('board.phone.placeholder')}
                      aria-label={t('board.phone.addTo', { row: show(row.label).text })}
                      autoFocus
                      rows={2}
                    />
                    <div className="phone-journey__form-actions">
                      <button type="button" className="button" onClick={() => setAdding(null)}>
                        {t('board.phone.cancel')}
                      </button>
                      <button type="submit" className="button button--primary" disabled={!draft.trim()}>
                        {t('board.phone.send')}
                      </button>
                    </div>
                  </form>
                ) : (
                  <button
                    type="button"
                    className="phone-journey__add"
                    data-testid="phone-journey-add"
                    onClick={() => {
                      setAdding(row.id);
                      setDraft('');
                    }}
                    aria-label={t('board.phone.addTo', { row: show(row.label).text })}
                  >
                    +
                  </button>
                )}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
