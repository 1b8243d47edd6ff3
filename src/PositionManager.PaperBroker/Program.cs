using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using PositionManager.PaperBroker.Hosting;

// Standalone: dotnet run --project src/PositionManager.PaperBroker -- --urls http://127.0.0.1:5080
// Settings come from the "PaperBroker" configuration section (appsettings, environment
// PaperBroker__ApiKeyId=…, or --PaperBroker:Fills:FillDelay=00:00:02 on the command line).
var builder = WebApplication.CreateSlimBuilder(args);
var options = builder.Configuration.GetSection("PaperBroker").Get<PaperBrokerOptions>() ?? new PaperBrokerOptions();
var app = PaperBrokerApp.Build(builder, options);
app.Run();
