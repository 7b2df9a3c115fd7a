import { loadStaffMessages } from '$lib/i18n';

// The staff pages' messages are not part of the operator's download (see loadStaffMessages).
export const load = async (): Promise<void> => {
  await loadStaffMessages();
};
