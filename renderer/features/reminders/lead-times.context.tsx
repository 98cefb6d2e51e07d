// The user's reminder lead times, read once for the whole list (rows are many; a settings
// fetch per row would be wasteful). Without a provider the defaults apply.
import { createContext, useContext, type ReactNode } from 'react';
import { useSettings } from '../../vault-client';
import { DEFAULT_LEADS } from './reminder-state';

const LeadTimes = createContext<readonly number[]>(DEFAULT_LEADS);

export function LeadTimesProvider({ children }: { children: ReactNode }) {
  const settings = useSettings();
  return (
    <LeadTimes.Provider value={settings.value?.reminderLeadMinutes ?? DEFAULT_LEADS}>
      {children}
    </LeadTimes.Provider>
  );
}

export function useLeadTimes(): readonly number[] {
  return useContext(LeadTimes);
}
