// "Next appointment" as booking systems and salons name it, in the eight languages the import reads.
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../electron/core/imports/suggest-mapping';

const NAMES: Record<string, readonly string[]> = {
  English: ['Next appointment', 'Upcoming Appointment', 'Next Booking', 'NEXT APPT DATE'],
  French: ['Prochain rendez-vous', 'PROCHAIN RDV', 'Date du prochain rendez-vous'],
  German: ['Nächster Termin', 'NÄCHSTER TERMIN', 'Folgetermin'],
  Spanish: ['Próxima cita', 'Fecha de próxima cita', 'Proxima reserva'],
  Italian: ['Prossimo appuntamento', 'Prossima prenotazione'],
  Portuguese: ['Próxima marcação', 'Próximo agendamento'],
  Dutch: ['Volgende afspraak', 'Volgende boeking'],
  Japanese: ['次回予約', '次回来店予定', '次回来店予定日'],
};

describe('the next appointment column', () => {
  for (const [language, names] of Object.entries(NAMES)) {
    it(`is recognised in ${language}`, () => {
      for (const name of names) expect(suggestMapping(['Email', name], 2), name).toEqual(['email', 'nextAppointmentAt']);
    });
  }

  it('is told apart from the last visit beside it', () => {
    expect(suggestMapping(['Mobile', 'Last Appointment', 'Next Appointment', 'Total Appointments'], 4)).toEqual([
      'phone', 'lastVisitAt', 'nextAppointmentAt', 'visitCount',
    ]);
  });
});
