import * as vscode from 'vscode';
import { plural, severityCounts, type Problem } from '../core/problem';
import { LANGUAGE } from './study-documents';

/** The language status item: schema version, and the active file's problem counts. */
export class StudyStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('studyAnnotator.status', { language: LANGUAGE });

  constructor(schemaVersion: string) {
    this.item.name = 'Study Annotator';
    this.item.text = `Study schema ${schemaVersion}`;
    this.item.detail = 'not validated yet';
    this.item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
  }

  show(problems: readonly Problem[] | undefined): void {
    if (!problems) {
      this.item.detail = 'not validated yet';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const { error: errors, warning: warnings, info: infos } = severityCounts(problems);
    this.item.detail = problems.length ? [plural(errors, 'error'), plural(warnings, 'warning'), plural(infos, 'note')].join(', ') : 'no problems';
    this.item.severity = errors ? vscode.LanguageStatusSeverity.Error : warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
  }
}
