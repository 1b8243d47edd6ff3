using System.Text.Json;
using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Deploy;

/// <summary>
/// deploy/ecs carries every field ECS requires for a Fargate task and service, and the choices the
/// runbook relies on: secrets never as plain environment, a graceful stop window, a health check,
/// and a rolling deployment that can never start a second cluster (a second gateway).
/// </summary>
public sealed class EcsFilesTests
{
    private static readonly string[] Secrets = ["APCA_API_KEY_ID", "APCA_API_SECRET_KEY", "PositionManager__Journal__Postgres", "PositionManager__Admin__Token"];

    [Fact]
    public void The_task_definition_has_what_fargate_requires_and_keeps_secrets_out_of_the_environment()
    {
        var task = Read("task-definition.json");

        Assert.False(string.IsNullOrWhiteSpace(task.GetProperty("family").GetString()));
        Assert.Equal("awsvpc", task.GetProperty("networkMode").GetString());
        Assert.Contains("FARGATE", task.GetProperty("requiresCompatibilities").EnumerateArray().Select(c => c.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(task.GetProperty("cpu").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(task.GetProperty("memory").GetString()));
        Assert.StartsWith("arn:aws:iam::", task.GetProperty("executionRoleArn").GetString());

        var node = Assert.Single(task.GetProperty("containerDefinitions").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(node.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(node.GetProperty("image").GetString()));
        Assert.True(node.GetProperty("essential").GetBoolean());
        Assert.InRange(node.GetProperty("stopTimeout").GetInt32(), 61, 120);
        var ports = node.GetProperty("portMappings").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()).ToList();
        Assert.Contains(9110, ports);
        Assert.Contains(4053, ports);
        Assert.Contains(8558, ports);
        Assert.Equal("CMD", node.GetProperty("healthCheck").GetProperty("command")[0].GetString());
        Assert.Contains("health", node.GetProperty("healthCheck").GetProperty("command").EnumerateArray().Select(c => c.GetString()));

        var environment = node.GetProperty("environment").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
        var secrets = node.GetProperty("secrets").EnumerateArray().ToList();
        Assert.All(Secrets, name => Assert.DoesNotContain(name, environment));
        Assert.Equal(Secrets.Order(), secrets.Select(s => s.GetProperty("name").GetString()!).Order());
        Assert.All(secrets, s => Assert.StartsWith("arn:aws:secretsmanager:", s.GetProperty("valueFrom").GetString()));
        Assert.Contains("PositionManager__Admin__Url", environment);
    }

    [Fact]
    public void The_service_rolls_tasks_into_the_running_cluster_one_at_a_time()
    {
        var service = Read("service.json");

        foreach (var field in new[] { "serviceName", "cluster", "taskDefinition", "launchType" })
        {
            Assert.False(string.IsNullOrWhiteSpace(service.GetProperty(field).GetString()), field);
        }

        var desired = service.GetProperty("desiredCount").GetInt32();
        Assert.True(desired >= 3 && desired % 2 == 1, "keep-majority needs an odd number of members, at least three");

        // Blue/green (CODE_DEPLOY) would start a second cluster beside the first: two gateways.
        Assert.Equal("ECS", service.GetProperty("deploymentController").GetProperty("type").GetString());
        var deployment = service.GetProperty("deploymentConfiguration");
        var extraTasks = (desired * deployment.GetProperty("maximumPercent").GetInt32() / 100) - desired;
        var missingTasks = desired - (int)Math.Ceiling(desired * deployment.GetProperty("minimumHealthyPercent").GetInt32() / 100.0);
        Assert.InRange(extraTasks, 0, 1);
        Assert.InRange(missingTasks, 0, (desired - 1) / 2);

        var network = service.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration");
        Assert.NotEmpty(network.GetProperty("subnets").EnumerateArray());
        Assert.NotEmpty(network.GetProperty("securityGroups").EnumerateArray());
        Assert.Equal("DISABLED", network.GetProperty("assignPublicIp").GetString());
    }

    private static JsonElement Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("deploy", "ecs", file)));
        return document.RootElement.Clone();
    }
}
