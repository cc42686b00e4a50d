// The namespaces nearly every tool area, client and argument check uses; each file names only the rest.
global using System.ComponentModel;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using ModelContextProtocol.Protocol;
global using ModelContextProtocol.Server;
global using Serverless.Tools.Catalog;
global using Serverless.Tools.Errors;
global using Serverless.Tools.Json;
global using Serverless.Tools.Upstreams;
global using Serverless.Tools.Validation;
