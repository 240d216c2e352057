// The keyboard shortcuts, one keypress away (?).
import { useAppStore } from '../store/app-store';
import { Modal } from '../ui/modal';

export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['Ctrl/⌘ Z', 'Undo'],
  ['Ctrl/⌘ Shift Z, Ctrl Y', 'Redo'],
  ['Delete, Backspace', 'Delete the selection (and what is inside it)'],
  ['Ctrl/⌘ D', 'Duplicate the selection'],
  ['Ctrl/⌘ C, Ctrl/⌘ V', 'Copy, paste'],
  ['Ctrl/⌘ A', 'Select everything'],
  ['Shift click, Shift drag', 'Add to the selection, select an area'],
  ['Ctrl/⌘ K, /', 'Find an object by name, id, CIDR or an address, and go to it'],
  ['F', 'Fit the plan in view'],
  ['P', 'Show all paths, or only the selected cluster’s'],
  ['Esc', 'Clear the selection, close dialogs'],
  ['?', 'This help'],
];

export function HelpOverlay() {
  const open = useAppStore((s) => s.helpOpen);
  if (!open) return null;
  const close = () => useAppStore.getState().setHelpOpen(false);
  return (
    <Modal label="Keyboard shortcuts" onClose={close}>
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>On the canvas</h3>
      <ul>
        <li>Drag a kind from the palette into a VPC or subnet; it gets free ranges.</li>
        <li>
          Drag from the dot on a VPC&apos;s right edge to another VPC to peer them; to a CCN to
          attach.
        </li>
        <li>Select a cluster to draw its paths: solid direct, dashed SNAT, red unreachable.</li>
      </ul>
      <button type="button" className="cc-button" onClick={close} autoFocus>
        Close
      </button>
    </Modal>
  );
}
