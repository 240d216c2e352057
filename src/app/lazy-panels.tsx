// The Changes panel, which only a comparison shows: loaded when one starts, not with the page, so
// that the first screen's JavaScript stays within its budget (docs/performance.md, Bundle).
// Review mode stays in the page: its keys work from the click that opens it, and a key pressed
// while its code was still loading was lost.
import { lazy, Suspense } from 'react';
import { useAppStore } from '../store/app-store';
import { selectCompareLabel } from '../store/selectors';

const ChangesPanel = lazy(() =>
  import('../panels/changes/ChangesPanel').then((m) => ({ default: m.ChangesPanel })),
);

export function ChangesPanelSlot() {
  const comparing = useAppStore(selectCompareLabel) !== undefined;
  return comparing ? (
    <Suspense fallback={null}>
      <ChangesPanel />
    </Suspense>
  ) : null;
}
