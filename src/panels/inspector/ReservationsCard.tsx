// Reservations (plan-format.md, `reservations`): ranges kept free for later. A VPC's inspector
// lists those kept for it; the plan's overview those kept everywhere. Each add, field edit and
// removal is one undo step; a CIDR that does not parse says so at its field and changes nothing.
import { Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import type { Plan, Reservation } from '../../domain/model/plan';
import { addReservation, editReservation, removeReservation } from '../../store/actions';
import { useAppStore } from '../../store/app-store';
import { CheckedField } from '../../ui/fields';
import { RESERVATION_FIELDS } from '../../io/schema-fields';
import { cidrCheck, textCheck } from './checks';
import './planner.css';

const done = () => useAppStore.getState().commitGesture();

// What a plan file may hold in a reservation, its form accepts.
const CHECK = {
  name: textCheck(RESERVATION_FIELDS.name),
  cidr: cidrCheck(RESERVATION_FIELDS.cidr),
  note: textCheck(RESERVATION_FIELDS.note),
};

function ReservationRow({ r, readOnly }: { r: Reservation; readOnly: boolean }) {
  const name = r.name ?? r.id;
  return (
    <li className="cc-reservation" data-reservation={r.id}>
      <div className="cc-reservation__fields">
        <CheckedField
          label="Name"
          value={r.name ?? ''}
          disabled={readOnly}
          check={CHECK.name}
          onValue={(v) => editReservation(useAppStore, r.id, { name: v })}
          onDone={done}
        />
        <CheckedField
          label="CIDR"
          mono
          value={r.cidr}
          disabled={readOnly}
          check={CHECK.cidr}
          onValue={(v) => v && editReservation(useAppStore, r.id, { cidr: v })}
          onDone={done}
        />
        <CheckedField
          label="Note"
          value={r.note ?? ''}
          disabled={readOnly}
          check={CHECK.note}
          onValue={(v) => editReservation(useAppStore, r.id, { note: v })}
          onDone={done}
        />
      </div>
      <button
        type="button"
        className="cc-icon-button"
        disabled={readOnly}
        aria-label={`Remove reservation ${name}`}
        title="Remove this reservation"
        onClick={() => removeReservation(useAppStore, r.id)}
      >
        <Trash2 size={14} aria-hidden />
      </button>
    </li>
  );
}

function AddReservation({ vpcId, readOnly }: { vpcId: string | undefined; readOnly: boolean }) {
  const id = useId();
  const [name, setName] = useState('');
  const [cidr, setCidr] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    const r = CHECK.cidr(cidr);
    if (!r.ok || !r.value) {
      setError(r.ok ? 'A CIDR is required here' : r.error);
      return;
    }
    const made = addReservation(useAppStore, {
      cidr: r.value,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(vpcId ? { vpc: vpcId } : {}),
    });
    if ('error' in made) setError(made.error);
    else {
      setName('');
      setCidr('');
      setError(undefined);
    }
  };
  return (
    <form
      className="cc-reservation-add"
      aria-label="Add a reservation"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="cc-field">
        <label htmlFor={`${id}-name`}>New reservation name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          disabled={readOnly}
          placeholder="future cluster"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className={`cc-field${error ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-cidr`}>New reservation CIDR</label>
        <input
          id={`${id}-cidr`}
          type="text"
          className="cc-mono"
          value={cidr}
          disabled={readOnly}
          spellCheck={false}
          placeholder="10.0.128.0/17"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setCidr(e.target.value);
            const r = CHECK.cidr(e.target.value);
            setError(r.ok || e.target.value.trim() === '' ? undefined : r.error);
          }}
        />
        {error && (
          <div className="cc-field__error" role="alert" id={`${id}-error`}>
            {error}
          </div>
        )}
      </div>
      <button type="submit" className="cc-button cc-button--small" disabled={readOnly}>
        <Plus size={14} aria-hidden /> Add reservation
      </button>
    </form>
  );
}

export function ReservationsCard({ plan, vpcId }: { plan: Plan; vpcId?: string }) {
  const readOnly = useAppStore((s) => s.readOnly);
  const list = (plan.reservations ?? []).filter((r) => r.vpc === vpcId);
  return (
    <section className="cc-planner-card" aria-label="Reservations">
      <h3>Reservations</h3>
      <p className="cc-muted">
        {vpcId
          ? 'Ranges kept free in this VPC and what it connects to: every suggestion passes over them.'
          : 'Ranges kept free everywhere in the plan: every suggestion passes over them.'}
      </p>
      {list.length > 0 && (
        <ul className="cc-reservations">
          {list.map((r) => (
            <ReservationRow key={r.id} r={r} readOnly={readOnly} />
          ))}
        </ul>
      )}
      <AddReservation vpcId={vpcId} readOnly={readOnly} />
    </section>
  );
}
