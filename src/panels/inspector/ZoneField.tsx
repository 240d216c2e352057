// A subnet's zone, picked from the zones of its VPC's region (the domain's region table), or
// typed: a zone the table does not list stays possible, and the rules judge it.
import { useState } from 'react';
import { zonesOf } from '../../domain/model/regions';
import type { Plan, Subnet } from '../../domain/model/plan';
import { CheckedField, SelectField } from '../../ui/fields';
import { fieldSchema } from '../../io/schema-fields';
import { textCheck } from './checks';

const zoneCheck = textCheck(fieldSchema('subnets', 'zone'));

const OTHER = '\u0000other';

export function ZoneField(props: {
  plan: Plan;
  subnet: Subnet;
  disabled: boolean;
  /** Writes the zone (undefined: no zone) as part of a typing gesture. */
  onValue: (zone: string | undefined) => void;
  onDone: () => void;
}) {
  const { plan, subnet } = props;
  const region = plan.vpcs.find((v) => v.id === subnet.vpc)?.region;
  const zones = zonesOf(region);
  const [typing, setTyping] = useState(false);
  const current = subnet.zone ?? '';
  const typed = (
    <CheckedField
      label={zones.length > 0 ? 'Other zone' : 'Zone'}
      hint={
        zones.length > 0
          ? `A zone of ${region}, such as ${region}-1`
          : region
            ? `Zones of ${region} are not listed here: type one, such as ${region}-1`
            : "Give the VPC a region to pick from that region's zones"
      }
      disabled={props.disabled}
      onDone={props.onDone}
      value={current}
      check={zoneCheck}
      onValue={props.onValue}
    />
  );
  if (zones.length === 0) return typed;
  const showTyped = typing || (current !== '' && !zones.includes(current));
  return (
    <>
      <SelectField
        label="Zone"
        hint={`Zones of ${region}`}
        disabled={props.disabled}
        onDone={props.onDone}
        value={showTyped ? OTHER : current}
        options={[
          { value: '', label: 'None' },
          ...zones.map((z) => ({ value: z, label: z })),
          { value: OTHER, label: 'Other…' },
        ]}
        onValue={(v) => {
          if (v === OTHER) {
            setTyping(true);
            return;
          }
          setTyping(false);
          props.onValue(v === '' ? undefined : v);
          props.onDone();
        }}
      />
      {showTyped && typed}
    </>
  );
}
