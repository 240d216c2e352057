// Where the view goes by itself: to the objects a search, a finding or a review step asks for
// (clear of the review card), to the whole plan when another plan is opened, Tidy up runs or
// review ends, and once more when React Flow's first fit knew nothing of the overview.
import { useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import { useAppStore } from '../store/app-store';
import { selectReviewing } from '../store/selectors';
import type { ObjectNode } from './flow-model';
import { fitPlan, fitRect, onFitRequest, requestFit } from './fit';
import { covered, FOCUS_MARGIN, focusPadding } from './framing';
import { isLargePlan } from './large-plan';
import { FAR_ZOOM } from './nodes/far';
import { freeArea, reviewFrame } from './review-framing';

/**
 * Review's zoom band: names are drawn at least 14 screen pixels from the far-form zoom up (the
 * stylesheet raises the canvas's minimum font in review mode), and a walk settles at full size.
 */
const REVIEW_ZOOM_BAND = { legible: FAR_ZOOM, steady: 1, max: 1.25 };

/** A large plan opens at its top-left corner at this zoom, near enough to read. */
const LARGE_PLAN_OPEN_ZOOM = 0.5;

export function useViewFraming(
  canvasEl: RefObject<HTMLDivElement | null>,
  large: boolean,
  minZoom: number,
): void {
  const rf = useReactFlow<ObjectNode>();
  const flowStore = useStoreApi<ObjectNode>();
  const focusRequest = useAppStore((s) => s.focusRequest);
  // The zoom the last review step was shown at: the next one keeps it while its subject fits.
  const reviewZoomInUse = useRef<number | null>(null);
  useEffect(() => {
    if (!focusRequest || focusRequest.ids.length === 0) return;
    // After React Flow has seen the canvas's new size (review mode hides the side panels). A
    // request superseded in the meantime does nothing: on a large plan the frames in between can
    // take seconds, and a late move to an older target would land after, or cut, the newer one.
    let live = true;
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        if (live) frame(focusRequest.ids);
      });
    });
    const frame = (requested: readonly string[]) => {
      const ids = new Set(requested);
      const all = rf.getNodes();
      const nodes = all.filter((n) => ids.has(n.id));
      if (nodes.length === 0) return;
      const bounds = rf.getNodesBounds(nodes);
      // A large plan jumps: every frame of a glide draws the nodes it passes over, so a glide
      // across a 100,000-object plan takes seconds, and anything that moves the view meanwhile
      // (a zoom clamp, the next request) stops it part way, the object out of view.
      const duration = isLargePlan(all) ? 0 : 300;
      // The summary card is read first and stepped past; a step's card stays under its subject.
      const card = document.querySelector('.cc-review:not(.cc-review--summary)');
      const pane = canvasEl.current?.getBoundingClientRect();
      if (card && pane && pane.width > 0 && pane.height > 0) {
        const area = freeArea(
          pane.width,
          pane.height,
          covered(pane, card.getBoundingClientRect()),
          FOCUS_MARGIN,
        );
        const view = reviewFrame(bounds, area, reviewZoomInUse.current, {
          ...REVIEW_ZOOM_BAND,
          min: flowStore.getState().minZoom,
        });
        reviewZoomInUse.current = view.zoom;
        void rf.setViewport(view, { duration, interpolate: 'linear' });
        return;
      }
      void fitRect(rf, bounds, {
        duration,
        padding: focusPadding(canvasEl.current, card),
        maxZoom: 1.25,
      });
    };
    return () => {
      live = false;
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [focusRequest, rf, flowStore, canvasEl]);

  // A plan opened (a template, a file, a link), Tidy up, or leaving review: show the whole plan
  // rather than whatever part of the old one the view was on.
  const planSource = useAppStore((s) => s.planSource);
  const shownSource = useRef(planSource);
  useEffect(() => {
    if (shownSource.current === planSource) return;
    shownSource.current = planSource;
    if (!large) {
      requestFit();
      return;
    }
    // A plan too large to show whole at the zoom where the canvas still draws its part: start at
    // its top-left corner, where its first objects are, rather than somewhere in its middle.
    const b = rf.getNodesBounds(rf.getNodes());
    const zoom = Math.max(minZoom, LARGE_PLAN_OPEN_ZOOM);
    void rf.setViewport({ x: 40 - b.x * zoom, y: 60 - b.y * zoom, zoom });
    // Only a newly opened plan moves the view; its size is read as it is at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planSource, rf]);
  // The first view of a plan (React Flow's own fit, once its nodes are measured) knows nothing of
  // the overview in the corner: fit again, clear of it, at once.
  const initialized = useNodesInitialized();
  const refitted = useRef(useAppStore.getState().viewport !== null);
  useEffect(() => {
    if (!initialized || refitted.current) return;
    refitted.current = true;
    if (!large) void fitPlan(rf, 0);
  }, [initialized, large, rf]);
  const reviewing = useAppStore(selectReviewing);
  const wasReviewing = useRef(reviewing);
  useEffect(() => {
    if (!reviewing) reviewZoomInUse.current = null;
    if (wasReviewing.current && !reviewing) requestFit();
    wasReviewing.current = reviewing;
  }, [reviewing, rf]);
  useEffect(
    () =>
      onFitRequest(() => {
        // After the canvas has drawn the new layout: a fit now would frame the old one.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const card = document.querySelector('.cc-review:not(.cc-review--summary)');
            void fitPlan(rf, 300, card ? focusPadding(canvasEl.current, card) : undefined);
          }),
        );
      }),
    [rf, canvasEl],
  );
}
