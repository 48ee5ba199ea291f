/// The JSON API's OpenAPI 3.1 document, served at `/api/openapi.json`.
enum OpenAPIDocument {
  static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "JobLens API",
        "version": "1",
        "description": "ESCO skills, ISCO-08 occupations and curriculum coverage for job postings. Every request body is at most the upload limit (32 MB by default) and /api/classify and /api/skills take at most 1000 postings per request. Each posting yields one result, in order: an analysis or an error record. This product uses the ESCO classification of the European Commission."
      },
      "paths": {
        "/api/classify": {
          "post": {
            "summary": "Analyse postings: skills with evidence, occupations, ISCO code, occupation mix",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Postings"}}}},
            "responses": {
              "200": {"description": "One analysis (as joblens classify writes it) or error record per posting, in order", "content": {"application/json": {"schema": {"type": "array", "items": {"oneOf": [{"$ref": "#/components/schemas/Analysis"}, {"$ref": "#/components/schemas/ErrorRecord"}]}}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/skills": {
          "post": {
            "summary": "The ESCO skills each text names",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Postings"}}}},
            "responses": {
              "200": {"description": "Per posting, its id and skills, in order", "content": {"application/json": {"schema": {"type": "array", "items": {"oneOf": [{"type": "object", "required": ["id", "skills"], "properties": {"id": {"type": "string"}, "skills": {"type": "array", "items": {"$ref": "#/components/schemas/Skill"}}}}, {"$ref": "#/components/schemas/ErrorRecord"}]}}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/coverage": {
          "post": {
            "summary": "Measure a curriculum against the demand of postings",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {
              "type": "object", "required": ["postings"],
              "properties": {
                "postings": {"type": "array", "items": {"$ref": "#/components/schemas/Posting"}},
                "curriculum": {"description": "Curriculum YAML as text, or the curriculum as an object with the YAML file's fields; the default VA curriculum when absent", "oneOf": [{"type": "string"}, {"type": "object"}]},
                "excludedSkills": {"type": "array", "items": {"type": "string"}, "description": "ESCO skill URIs left out of the demand"},
                "excludedPostings": {"type": "array", "items": {"type": "string"}, "description": "Posting ids left out"}
              }}}}},
            "responses": {
              "200": {"description": "The coverage report as joblens coverage --format json writes it", "content": {"application/json": {"schema": {"type": "object", "required": ["postings", "skill_coverage", "items", "gaps"], "properties": {"postings": {"type": "integer"}, "failed": {"type": "integer"}, "skill_coverage": {"type": "number"}, "group_coverage": {"type": "number"}, "items": {"type": "array", "items": {"type": "object"}}, "gaps": {"type": "array", "items": {"type": "object"}}, "mix": {"type": "array", "items": {"type": "object"}}}}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/openapi.json": {
          "get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}}
        }
      },
      "components": {
        "schemas": {
          "Posting": {"oneOf": [
            {"type": "object", "properties": {"id": {"type": ["string", "number"]}, "title": {"type": "string"}, "text": {"type": "string"}}, "description": "id defaults to the posting's position (1-based); text may also be named description, body or content"},
            {"type": "string", "description": "The text of a posting without title"}]},
          "Postings": {"oneOf": [
            {"type": "array", "maxItems": 1000, "items": {"$ref": "#/components/schemas/Posting"}},
            {"type": "object", "required": ["postings"], "properties": {"postings": {"type": "array", "maxItems": 1000, "items": {"$ref": "#/components/schemas/Posting"}}}}]},
          "Skill": {"type": "object", "required": ["uri", "label"], "properties": {"uri": {"type": "string"}, "label": {"type": "string"}, "type": {"type": "string"}, "skill_group": {"type": "string"}, "skill_group_label": {"type": "string"}, "score": {"type": "number"}, "literal": {"type": "boolean"}, "evidence": {"type": "array", "items": {"type": "object"}}}},
          "Analysis": {"type": "object", "required": ["id", "skills", "isco", "mix"], "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "skills": {"type": "array", "items": {"$ref": "#/components/schemas/Skill"}}, "isco": {"type": "object"}, "occupations": {"type": "array", "items": {"type": "object"}}, "mix": {"type": "object"}}},
          "ErrorRecord": {"type": "object", "required": ["error", "source"], "properties": {"id": {"type": ["string", "null"]}, "error": {"type": "string"}, "source": {"type": "string", "description": "request:N, the posting's position"}}},
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}, "problems": {"type": "array", "items": {"type": "string"}}}}
        },
        "responses": {
          "Error": {"description": "What is wrong with the request, in one line", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        }
      }
    }
    """#
}
