/**
 * Features the objects depend on must be declared in manifest.xml (required or not): server
 * scripts need SERVERSIDESCRIPTING, client scripts CUSTOMCODE, custom record types CUSTOMRECORDS,
 * and selects of classes, departments, locations and subsidiaries their feature (Oracle's SDF manifest.xml reference).
 */
import type { SdfIssueSink } from './sdf-issue';
import type { SdfProject } from './sdf-model';
import { STANDARD_SELECT_TARGETS } from './sdf-model';

export interface FeatureNeed {
  feature: string;
  file: string;
  id: string;
  reason: string;
}

export function featureNeeds(project: SdfProject): FeatureNeed[] {
  const needs: FeatureNeed[] = [];
  for (const script of project.scripts) {
    const clientSide = script.objectType === 'clientscript';
    needs.push({
      feature: clientSide ? 'CUSTOMCODE' : 'SERVERSIDESCRIPTING',
      file: script.file,
      id: script.scriptid,
      reason: `it is a ${script.objectType}`,
    });
  }
  for (const record of project.customRecords) {
    needs.push({
      feature: 'CUSTOMRECORDS',
      file: record.file,
      id: record.scriptid,
      reason: 'it is a custom record type',
    });
  }
  const fields = [...project.customRecords.flatMap((record) => record.fields), ...project.standaloneFields];
  for (const field of fields) {
    const target =
      field.selectrecordtype === undefined ? undefined : STANDARD_SELECT_TARGETS[field.selectrecordtype];
    if (target?.feature !== undefined) {
      needs.push({
        feature: target.feature,
        file: field.file,
        id: field.scriptid,
        reason: `it selects ${target.recordType} (${field.selectrecordtype ?? ''})`,
      });
    }
  }
  return needs;
}

export function checkFeatures(project: SdfProject, sink: SdfIssueSink): void {
  const declared = new Set(project.manifest.features.map((feature) => feature.name));
  const reported = new Set<string>();
  for (const need of featureNeeds(project)) {
    if (declared.has(need.feature) || reported.has(need.feature)) continue;
    reported.add(need.feature);
    sink.error({
      file: need.file,
      id: need.id,
      message: `needs feature ${need.feature} because ${need.reason}, but manifest.xml does not declare it`,
      fix: `add <feature required="true|false">${need.feature}</feature> to <dependencies><features> in manifest.xml`,
    });
  }
}
