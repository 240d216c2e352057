// Panels that only a review or a comparison shows: loaded when one starts, not with the page,
// so that the first screen's JavaScript stays within its budget (docs/performance.md, Bundle).
import { lazy, Suspense } from 'react';
import { useAppStore } from '../store/app-store';
import { selectCompareLabel } from '../store/selectors';

const ReviewMode = lazy(() =>
  import('../panels/review/ReviewMode').then((m) => ({ default: m.ReviewMode })),
);
const ChangesPanel = lazy(() =>
  import('../panels/changes/ChangesPanel').then((m) => ({ default: m.ChangesPanel })),
);

export function ReviewModeSlot() {
  const reviewing = useAppStore((s) => s.review !== null && s.review !== undefined);
  return reviewing ? (
    <Suspense fallback={null}>
      <ReviewMode />
    </Suspense>
  ) : null;
}

export function ChangesPanelSlot() {
  const comparing = useAppStore(selectCompareLabel) !== undefined;
  return comparing ? (
    <Suspense fallback={null}>
      <ChangesPanel />
    </Suspense>
  ) : null;
}
