import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

export function PersonLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Anchor
      me="sm"
      renderRoot={(props) => <Link {...props} to="/persons/$personId" params={{ personId: id }} />}
    >
      {children}
    </Anchor>
  );
}

/** A case number reads left to right inside right-to-left text ("00248-2026", not "2026-00248"). */
export function CaseLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Anchor renderRoot={(props) => <Link {...props} to="/cases/$caseId" params={{ caseId: id }} />}>
      <bdi>{children}</bdi>
    </Anchor>
  );
}

export function ReferralLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/referrals/$referralId" params={{ referralId: id }} />}
    >
      <bdi>{children}</bdi>
    </Anchor>
  );
}

export function IntakeLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Anchor renderRoot={(props) => <Link {...props} to="/intake/$intakeId" params={{ intakeId: id }} />}>
      <bdi>{children}</bdi>
    </Anchor>
  );
}
