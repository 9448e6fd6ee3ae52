"""service_catalogue: the YAML is checked, and names are found as the notes spell them."""

from __future__ import annotations

import pytest

from notes_model import NotesError
from service_catalogue import load_catalogue

REQUIRED = ["ELB", "Auto Scaling", "RDS", "Aurora", "ElastiCache", "Route 53", "VPC", "S3", "SDK and CLI",
            "CloudFront", "ECS", "EKS", "Fargate", "ECR", "Elastic Beanstalk", "CloudFormation", "SQS", "SNS",
            "Kinesis", "CloudWatch", "EventBridge", "X-Ray", "CloudTrail", "Lambda", "DynamoDB", "API Gateway",
            "CodeCommit", "CodeBuild", "CodeDeploy", "CodePipeline", "CodeArtifact", "SAM", "CDK", "Cognito",
            "Step Functions", "AppSync", "STS", "IAM", "KMS", "SSM Parameter Store", "EC2 Storage"]


def test_catalogue_covers_the_services_the_issue_lists(catalogue):
    titles = {s.title for s in catalogue.services.values()}
    assert [t for t in REQUIRED if t not in titles] == []


@pytest.mark.parametrize("spelling, service", [
    ("Elasticache", "elasticache"), ("API GateWay", "api-gateway"), ("BeanStalk", "elastic-beanstalk"),
    ("Kineses", "kinesis"), ("K8", "eks"), ("s3", "s3"), ("AWS Lambda", "lambda"),
])
def test_spellings_the_notes_use_are_found(catalogue, spelling, service):
    hits = catalogue.mentions(f"about {spelling} here")
    assert [h.payload.service.id for h in hits] == [service]


def test_acronyms_are_case_sensitive_and_whole_words(catalogue):
    assert catalogue.mentions("iam and sqs and ALBs") == []
    assert [h.text for h in catalogue.mentions("IAM, SQS, ALB")] == ["IAM", "SQS", "ALB"]


def test_longest_name_wins(catalogue):
    hits = catalogue.mentions("Amazon EC2 Auto Scaling", keywords=True)
    assert [(h.text, h.payload.service.id) for h in hits] == [("Amazon EC2 Auto Scaling", "auto-scaling")]


def write(tmp_path, text):
    path = tmp_path / "services.yml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = ("categories: [Compute]\nservices:\n  ec2:\n    title: EC2\n    name: E\n    category: Compute\n"
        "    description: d\n")


@pytest.mark.parametrize("text, message", [
    (GOOD.replace("category: Compute", "category: Nope"),
     "data.yml:6: service 'ec2' has unknown category 'Nope' (categories: Compute)"),
    (GOOD.replace("    description: d\n", ""),
     "data.yml:3: service 'ec2' is missing 'description' (required: category, description, name, title)"),
    (GOOD + "    colour: red\n",
     "data.yml:8: service 'ec2' has unknown field 'colour' (allowed: aliases, category, description, keywords, "
     "name, spellings, title, topic)"),
    (GOOD + "  ec2:\n    title: X\n",
     "data.yml:8: duplicate key 'ec2' (it is already defined on line 3)"),
    (GOOD + "  ec3:\n    title: X\n    name: Y\n    category: Compute\n    description: d\n    aliases: [EC2]\n",
     "data.yml:8: name 'EC2' of service 'ec3' is already used by 'ec2' (line 3) "
     "(each name and keyword must belong to one service)"),
    ("categories: [Compute\n", "data.yml:2: YAML does not parse"),
])
def test_bad_catalogue_is_one_clear_line(tmp_path, text, message):
    with pytest.raises(NotesError) as caught:
        load_catalogue(write(tmp_path, text), "data.yml")
    assert str(caught.value).startswith(message)
