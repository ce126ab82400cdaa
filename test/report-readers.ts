// The independent readers of the report's tests: python-docx (Debian's python3-docx, or any
// Python with python-docx: PYTHON names it) and LibreOffice (SOFFICE names its program where it is
// not on the PATH, as on macOS and Windows).
import { existsSync } from 'node:fs';

export const pythonProgram = (): string => process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
export const sofficeProgram = (): string => process.env.SOFFICE ?? 'soffice';
