// The client exports of the booking systems salons move from, told by the columns only that system
// writes. Telling the owner "Looks like a Square customer export" says the columns were read as meant.
import { comparableHeader } from './suggest-mapping';

interface KnownLayout {
  /** As the preview says it: "Looks like a <name>". */
  name: string;
  /** Each a set of headers that, all present, tell this export apart from the others. */
  signatures: ReadonlyArray<readonly string[]>;
}

const LAYOUTS: readonly KnownLayout[] = [
  {
    name: 'Square customer export',
    signatures: [['Square Customer ID'], ['Reference ID', 'Email Subscription Status', 'Transaction Count']],
  },
  { name: 'Vagaro customer list', signatures: [['Day Phone', 'Night Phone'], ['General Tags', 'Customer Since', 'No Shows']] },
  { name: 'Fresha client list', signatures: [['Accepts SMS Marketing'], ['Blocked', 'Block Reason', 'Mobile Number']] },
  { name: 'Timely customer export', signatures: [['Suburb', 'Customer Notes', 'Date Created'], ['Timely Customer ID']] },
  { name: 'Phorest client export', signatures: [['Landline', 'SMS Marketing Consent'], ['Phorest Client ID']] },
  { name: 'Mindbody client export', signatures: [['Send Promotional Texts'], ['Send Promotional Emails'], ['Client Indexes']] },
  { name: 'Boulevard client export', signatures: [['Marketing SMS Opt In'], ['Pronouns', 'Lifetime Spend']] },
  { name: 'Booker customer export', signatures: [['Allow SMS', 'Allow Email'], ['Booker Customer ID']] },
  { name: 'GlossGenius client list', signatures: [['Instagram Handle', 'SMS Marketing', 'Email Marketing']] },
];

const COMPARED = LAYOUTS.map(({ name, signatures }) => ({
  name,
  signatures: signatures.map((signature) => signature.map(comparableHeader)),
}));

/** The known export whose telling columns the header row has all of, if one. */
export function recogniseLayout(headers: readonly string[]): string | undefined {
  const present = new Set(headers.map(comparableHeader));
  return COMPARED.find(({ signatures }) => signatures.some((signature) => signature.every((header) => present.has(header))))?.name;
}
