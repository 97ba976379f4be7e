// Column names in the languages salons write them, and the exports of the booking systems they leave.
import { describe, expect, it } from 'vitest';
import { recogniseLayout } from '../../electron/core/imports/known-layouts';
import { comparableHeader, suggestMapping } from '../../electron/core/imports/suggest-mapping';

const suggest = (headers: string[]) => suggestMapping(headers, headers.length);

describe('suggestMapping in eight languages', () => {
  it('reads French headers, “Nom” as the family name beside “Prénom”', () => {
    expect(
      suggest(['Prénom', 'Nom', 'Portable', 'E-mail', 'Date de naissance', 'Client depuis', 'Dernière visite', 'Nombre de visites', 'Total dépensé', 'Étiquettes', 'Remarques']),
    ).toEqual(['firstName', 'lastName', 'phone', 'email', 'birthday', 'clientSince', 'lastVisitAt', 'visitCount', 'totalSpent', 'tags', 'notes']);
    expect(suggest(['Nom', 'Téléphone', 'Courriel'])).toEqual(['name', 'phone', 'email']);
  });

  it('compares without case, accents or punctuation, as owners retype headers', () => {
    expect(suggest(['PRENOM', 'nom de famille', 'TELEPHONE', 'e mail', 'date-de-naissance', 'DERNIERE VISITE'])).toEqual([
      'firstName', 'lastName', 'phone', 'email', 'birthday', 'lastVisitAt',
    ]);
    expect(comparableHeader('Téléphone Portable')).toBe(comparableHeader('telephone-portable'));
  });

  it('reads German, Spanish, Italian, Portuguese and Dutch headers', () => {
    expect(suggest(['Vorname', 'Name', 'Handy', 'E-Mail-Adresse', 'Geburtsdatum', 'Letzter Besuch', 'Umsatz', 'Notizen'])).toEqual([
      'firstName', 'lastName', 'phone', 'email', 'birthday', 'lastVisitAt', 'totalSpent', 'notes',
    ]);
    expect(suggest(['Nombre', 'Apellidos', 'Móvil', 'Correo electrónico', 'Fecha de nacimiento', 'Última visita', 'Etiquetas'])).toEqual([
      'firstName', 'lastName', 'phone', 'email', 'birthday', 'lastVisitAt', 'tags',
    ]);
    expect(suggest(['Nome', 'Cognome', 'Cellulare', 'Email', 'Data di nascita', 'Ultima visita', 'Note'])).toEqual([
      'firstName', 'lastName', 'phone', 'email', 'birthday', 'lastVisitAt', 'notes',
    ]);
    expect(suggest(['Nome', 'Telemóvel', 'E-mail', 'Data de nascimento', 'Observações', 'CEP'])).toEqual([
      'name', 'phone', 'email', 'birthday', 'notes', 'zip',
    ]);
    expect(suggest(['Voornaam', 'Achternaam', 'Mobiel', 'E-mailadres', 'Geboortedatum', 'Laatste bezoek', 'Opmerkingen'])).toEqual([
      'firstName', 'lastName', 'phone', 'email', 'birthday', 'lastVisitAt', 'notes',
    ]);
  });

  it('reads Japanese headers, and keeps the reading (フリガナ) as a custom field, never as the name', () => {
    expect(suggest(['氏名', 'フリガナ', '電話番号', '携帯', 'メール', '誕生日', '初回来店日', '最終来店日', '来店回数', '累計金額', 'タグ', '備考'])).toEqual([
      'name', 'custom:フリガナ', 'custom:電話番号', 'phone', 'email', 'birthday', 'clientSince', 'lastVisitAt', 'visitCount', 'totalSpent', 'tags', 'notes',
    ]);
    expect(suggest(['姓', '名', 'セイ', 'メイ', 'ふりがな', '携帯電話番号', 'メールアドレス', '生年月日'])).toEqual([
      'lastName', 'firstName', 'custom:セイ', 'custom:メイ', 'custom:ふりがな', 'phone', 'email', 'birthday',
    ]);
  });

  it('gives the mobile column the number, whichever comes first, and leaves landlines as custom fields', () => {
    expect(suggest(['Home Phone', 'Phone', 'Mobile Phone', 'Work Phone'])).toEqual([
      'custom:Home Phone', 'custom:Phone', 'phone', 'custom:Work Phone',
    ]);
    expect(suggest(['Téléphone', 'Portable'])).toEqual(['custom:Téléphone', 'phone']);
    expect(suggest(['電話番号', '携帯電話'])).toEqual(['custom:電話番号', 'phone']);
  });

  it('ignores a column without a header rather than matching it to anything', () => {
    expect(suggest(['Email', '', '  '])).toEqual(['email', 'ignore', 'ignore']);
  });
});

describe('recogniseLayout', () => {
  it('names the booking system whose export the header row is', () => {
    const square = ['Reference ID', 'First Name', 'Last Name', 'Email Address', 'Phone Number', 'Email Subscription Status', 'Transaction Count', 'Total Spend'];
    expect(recogniseLayout(square)).toBe('Square customer export');
    expect(recogniseLayout(['ID', 'First Name', 'Mobile Phone', 'Send Promotional Texts'])).toBe('Mindbody client export');
    expect(recogniseLayout(['First Name', 'Mobile Number', 'Accepts SMS Marketing'])).toBe('Fresha client list');
  });

  it('names none for a sheet of the owner’s own', () => {
    expect(recogniseLayout(['Name', 'Mobile', 'Email', 'Notes'])).toBeUndefined();
  });
});
