// Telemetry: a Log Analytics workspace and the workspace-based Application Insights component the Function
// App writes to. Local (key) authentication is disabled on both: the app sends telemetry with its managed
// identity (role Monitoring Metrics Publisher, APPLICATIONINSIGHTS_AUTHENTICATION_STRING), so the
// instrumentation key inside the connection string identifies the component but authorises nothing.

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights component name.')
param appInsightsName string

@description('Azure region.')
param location string

@description('Days of logs kept; 30 is what the per-GB price includes.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Tags for every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

@description('Application Insights component name.')
output appInsightsName string = appInsights.name
