import { MATRIX_SCALE, type IdeaView, type MatrixView as Matrix } from '@gommette/shared';
import { useTranslation } from 'react-i18next';

interface MatrixViewProps {
  matrix: Matrix;
  ideas: ReadonlyArray<IdeaView>;
  /** Larger labels for the projector. */
  large?: boolean;
}

const SIZE = 1000;
const PAD = 70;
const AREA = SIZE - 2 * PAD;
const LABEL_CHARS = 28;

/** The "facile à faire × prioritaire" matrix: every placed idea, the easy-and-priority square tinted. */
export function MatrixView({ matrix, ideas, large = false }: MatrixViewProps) {
  const { t } = useTranslation();
  const texts = new Map(ideas.map((idea) => [idea.id, idea.text]));
  const easy = matrix.axes.easy || t('vote.axisEasy');
  const priority = matrix.axes.priority || t('vote.axisPriority');
  const x = (value: number) => PAD + (value / MATRIX_SCALE) * AREA;
  const y = (value: number) => SIZE - PAD - (value / MATRIX_SCALE) * AREA;
  const placed = matrix.placements.filter((placement) => texts.has(placement.ideaId));

  return (
    <figure className={`matrix${large ? ' matrix--large' : ''}`} data-testid="matrix">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`${easy} × ${priority}`}>
        <rect x={x(50)} y={y(100)} width={AREA / 2} height={AREA / 2} className="matrix__quadrant" />
        <rect x={PAD} y={PAD} width={AREA} height={AREA} className="matrix__frame" />
        <line x1={x(50)} y1={PAD} x2={x(50)} y2={SIZE - PAD} className="matrix__axis" />
        <line x1={PAD} y1={y(50)} x2={SIZE - PAD} y2={y(50)} className="matrix__axis" />
        <text x={SIZE / 2} y={SIZE - 20} textAnchor="middle" className="matrix__label">
          {easy} →
        </text>
        <text x={24} y={SIZE / 2} textAnchor="middle" transform={`rotate(-90 24 ${SIZE / 2})`} className="matrix__label">
          {priority} →
        </text>
        {placed.map((placement) => {
          const text = texts.get(placement.ideaId) ?? '';
          return (
            <g key={placement.ideaId} data-testid="matrix-idea">
              <circle cx={x(placement.easy)} cy={y(placement.priority)} r={12} className="matrix__dot" />
              <text x={x(placement.easy) + 18} y={y(placement.priority) + 6} className="matrix__idea">
                {text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
