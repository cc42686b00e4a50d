// The namespaces nearly every endpoint and state file of the twin uses; each file names only the rest.
global using System.Globalization;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Serverless.Sandbox.Infrastructure;
