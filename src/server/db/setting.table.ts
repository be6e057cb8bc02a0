/** Small key/value store for generated instance state (secret, VAPID keys). */
export interface SettingTable {
  key: string;
  value: string;
}

export interface SettingTables {
  setting: SettingTable;
}
