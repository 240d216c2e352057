// The switch between the canvas and the address map, and the map itself, loaded on first use so
// that the designer's first bundle does not carry it.
import { lazy, Suspense } from 'react';
import { useMapView } from './view-state';
import './address-map.css';

const AddressMapView = lazy(() => import('./AddressMapView'));

export function AddressMapSlot() {
  const open = useMapView((s) => s.open);
  const setOpen = useMapView((s) => s.setOpen);
  return (
    <>
      <div className="cc-viewswitch" role="group" aria-label="View">
        <button type="button" aria-pressed={!open} onClick={() => setOpen(false)}>
          Canvas
        </button>
        <button type="button" aria-pressed={open} onClick={() => setOpen(true)}>
          Address map
        </button>
      </div>
      {open && (
        <Suspense
          fallback={<div className="cc-amap cc-amap--loading">Loading the address map…</div>}
        >
          <AddressMapView />
        </Suspense>
      )}
    </>
  );
}
